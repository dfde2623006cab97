/* test_extract.c - extract_claims() on phrases and sentences, its spans,
 * and its behaviour on hostile input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/lexicon.h"
#include "claim.h"
#include "extract.h"
#include "unit.h"

/* One expected claim: kind, value, optional range end and attribute. */
struct want {
	enum quantity q;
	double value;
	double value_max;  /* 0: none */
	const char *extra; /* dimension, hardware or metric; NULL: skip */
	const char *span;  /* NULL: skip */
};

struct ext_case {
	const char *text;
	size_t n;          /* number of claims expected */
	struct want w[4];
};

static void check_spans(const char *text, const struct claim_list *l)
{
	size_t len = strlen(text);

	for (size_t i = 0; i < l->len; i++) {
		const struct claim *c = &l->items[i];
		CHECK(c->origin == ORIGIN_EXTRACTED);
		CHECK(c->span_start >= 0 && c->span_end > c->span_start &&
		      (size_t)c->span_end <= len);
		CHECK(c->span && strlen(c->span) == (size_t)(c->span_end - c->span_start) &&
		      !memcmp(c->span, text + c->span_start, strlen(c->span)));
		CHECK(c->raw != NULL && c->note != NULL && c->unit != NULL);
		if (i)
			CHECK(l->items[i - 1].span_start <= c->span_start);
	}
}

static void run_cases(const struct ext_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct claim_list l = CLAIM_LIST_INIT;
		const struct ext_case *ec = &cases[i];
		extract_claims(ec->text, strlen(ec->text), &l);
		if (l.len != ec->n)
			printf("  \"%s\": %zu claims, want %zu\n", ec->text,
			       l.len, ec->n);
		CHECK(l.len == ec->n);
		for (size_t k = 0; k < l.len && k < ec->n; k++) {
			const struct claim *c = &l.items[k];
			const struct want *w = &ec->w[k];
			const char *got = c->quantity == Q_RATIO ? c->dimension :
					  c->quantity == Q_COMPUTE ? c->hardware :
					  c->metric;
			CHECK_STR(quantity_name(c->quantity), quantity_name(w->q));
			CHECK_NUM(c->value, w->value);
			if (w->value_max)
				CHECK_NUM(c->value_max, w->value_max);
			if (w->extra)
				CHECK_STR(got, w->extra);
			if (w->span)
				CHECK_STR(c->span, w->span);
		}
		check_spans(ec->text, &l);
		claim_list_release(&l);
	}
}

#define RUN_CASES(c) run_cases(c, sizeof c / sizeof *c)

/* Texts that must yield no claim. */
static void run_none(const char *const *texts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct claim_list l = CLAIM_LIST_INIT;
		extract_claims(texts[i], strlen(texts[i]), &l);
		if (l.len)
			printf("  \"%s\": %zu claims, first %s\n", texts[i],
			       l.len, l.items[0].span);
		CHECK(l.len == 0);
		claim_list_release(&l);
	}
}

#define RUN_NONE(t) run_none(t, sizeof t / sizeof *t)

/* The phrases `effdash figure TEXT` is shown with. */
static void test_standalone(void)
{
	static const struct ext_case cases[] = {
		{ "6,250 A100 GPU days", 1,
		  { { Q_COMPUTE, 150000, 0, "A100", "6,250 A100 GPU days" } } },
		{ "118\\times lower cost", 1,
		  { { Q_RATIO, 118, 0, "cost", "118\\times lower cost" } } },
		{ "\\1,890", 1, { { Q_COST_USD, 1890, 0, NULL, "\\1,890" } } },
		{ "$28.4K", 1, { { Q_COST_USD, 28400, 0, NULL, "$28.4K" } } },
		{ "1.16 billion parameters", 1,
		  { { Q_PARAMS, 1.16e9, 0, NULL, "1.16 billion parameters" } } },
		{ "80% memory reduction", 1,
		  { { Q_RATIO, 5, 0, "memory", NULL } } },
		{ "12.7 FID on COCO", 1, { { Q_QUALITY, 12.7, 0, "fid", NULL } } },
		{ "1.4T tokens", 1, { { Q_TOKENS, 1.4e12, 0, NULL, NULL } } },
	};
	RUN_CASES(cases);
}

static void test_sentences(void)
{
	static const struct ext_case cases[] = {
		{ "we train a 1.16 billion parameter sparse transformer with "
		  "only \\1,890 economical cost and achieve a 12.7 FID in "
		  "zero-shot generation on the COCO dataset.", 3,
		  { { Q_PARAMS, 1.16e9, 0, NULL, "1.16 billion parameter" },
		    { Q_COST_USD, 1890, 0, NULL, "\\1,890" },
		    { Q_QUALITY, 12.7, 0, "fid", "12.7 FID" } } },
		{ "It reaches 98% accuracy on CIFAR-10 with only 3.7M "
		  "parameters.", 2,
		  { { Q_QUALITY, 98, 0, "accuracy", NULL },
		    { Q_PARAMS, 3.7e6, 0, NULL, "3.7M parameters" } } },
		{ "more than 80% memory and energy reductions.", 2,
		  { { Q_RATIO, 5, 0, "memory", NULL },
		    { Q_RATIO, 5, 0, "energy", NULL } } },
		{ "We reduce the training time from 35.0 to 10.8 GPU hours.", 3,
		  { { Q_COMPUTE, 35, 0, NULL, "35.0 to 10.8 GPU hours" },
		    { Q_RATIO, 3.2407, 0, "compute", NULL },
		    { Q_COMPUTE, 10.8, 0, NULL, "10.8 GPU hours" } } },
		{ "it takes 10.8% of the training time (675 vs. 6,250 A100 GPU "
		  "days).", 3,
		  { { Q_RATIO, 9.2593, 0, "time", NULL },
		    { Q_COMPUTE, 16200, 0, "A100", "675" },
		    { Q_COMPUTE, 150000, 0, "A100", NULL } } },
		{ "It can be trained in 13 hours on 8 A100 80 GB GPUs.", 1,
		  { { Q_COMPUTE, 104, 0, "A100", NULL } } },
		{ "The model uses 2.5 days on 64 TPUv3 chips.", 1,
		  { { Q_COMPUTE, 3840, 0, "TPUv3", NULL } } },
		{ "We pre-train on 300B tokens with a context length of "
		  "32,768 tokens.", 1,
		  { { Q_TOKENS, 3e11, 0, NULL, "300B tokens" } } },
		{ "Experiments on LLaMA-3.1-8B show that it surpasses "
		  "LLaMA-3.2-1B and GPT-3.", 1,
		  { { Q_PARAMS, 8e9, 0, NULL, "LLaMA-3.1-8B" } } },
		{ "It restores MobileLLM-125M to 600M with 200times fewer "
		  "tokens.", 2,
		  { { Q_PARAMS, 125e6, 600e6, NULL, NULL },
		    { Q_RATIO, 200, 0, "tokens", "200times fewer tokens" } } },
		{ "Our model is 10x smaller and 15% the size of ResNet50.", 2,
		  { { Q_RATIO, 10, 0, "params", NULL },
		    { Q_RATIO, 6.6667, 0, "params", NULL } } },
		{ "A 7B model trained on 37M images costs $1,890.", 3,
		  { { Q_PARAMS, 7e9, 0, NULL, "7B model" },
		    { Q_DATA_SIZE, 37e6, 0, NULL, "37M images" },
		    { Q_COST_USD, 1890, 0, NULL, "$1,890" } } },
		{ "SemCoder achieves 81.1% on HumanEval (GPT-3.5-turbo: "
		  "76.8%).", 1,
		  { { Q_QUALITY, 81.1, 0, "pass@1", NULL } } },
		{ "while reducing the computational cost by 8-10times.", 1,
		  { { Q_RATIO, 8, 10, "compute", "8-10times" } } },
	};
	RUN_CASES(cases);
}

/* Figures that are not claims. */
static void test_skips(void)
{
	static const char *const texts[] = {
		"In 2023, ResNet-18 and GPT-3 were compared on 5 benchmarks.",
		"It improves accuracy by 6.3% and gains +2.1 points.",
		"We quantize to 3 and 2 bits at 1024px resolution.",
		"Within a few hours of real-world experience, 3 hours in all.",
		"It outperforms Mistral 7B, Gemma 7B and Llama-3 8B.",
		"Table 3 and Figure 2 show eight tasks in 95 languages.",
		"It complies 14% of the time.",
		"context windows of up to 32,768 tokens",
		"Qwen2.5 and v1.5 and 384times384 and 8x7B",
	};
	RUN_NONE(texts);
}

/* Unicode and LaTeX remnants. */
static void test_unicode(void)
{
	static const struct ext_case cases[] = {
		{ "a 10\xe2\x80\x93" "20\xc3\x97 speedup", 1,
		  { { Q_RATIO, 10, 20, "time", NULL } } },
		{ "\xe2\x88\xbc" "3\xc3\x97 lower cost", 1,
		  { { Q_RATIO, 3, 0, "cost", NULL } } },
		{ "uses 6,250\xc2\xa0" "A100 GPU days", 1,
		  { { Q_COMPUTE, 150000, 0, "A100", NULL } } },
		{ "up to $1.18\\times$ faster training", 1,
		  { { Q_RATIO, 1.18, 0, "time", "1.18\\times$ faster" } } },
		{ "E$^{2}$GAN trains 2.5\xc3\x97 faster", 1,
		  { { Q_RATIO, 2.5, 0, "time", NULL } } },
	};
	RUN_CASES(cases);
}

/* LaTeX math as arXiv abstracts write it: the dollar signs of "$\sim$",
 * "$7$B" or "2.5$\times$" are no money, relations are qualifiers, and
 * powers of ten are read. */
static void test_latex_math(void)
{
	static const struct ext_case cases[] = {
		{ "We train for $\\sim$100 GPU hours.", 1,
		  { { Q_COMPUTE, 100, 0, NULL, "100 GPU hours" } } },
		{ "We train for \\sim100 GPU hours.", 1,
		  { { Q_COMPUTE, 100, 0, NULL, "100 GPU hours" } } },
		{ "We pretrain on $\\sim$1.5T tokens.", 1,
		  { { Q_TOKENS, 1.5e12, 0, NULL, "1.5T tokens" } } },
		{ "It uses $>$100 GPU hours and $\\leq$2 A100 GPU days.", 2,
		  { { Q_COMPUTE, 100, 0, NULL, NULL },
		    { Q_COMPUTE, 48, 0, "A100", NULL } } },
		{ "It is 2.5$\\times$ faster and 3 $\\times$ cheaper.", 2,
		  { { Q_RATIO, 2.5, 0, "time", "2.5$\\times$ faster" },
		    { Q_RATIO, 3, 0, "cost", NULL } } },
		{ "It reduces memory by 40$\\%$.", 1,
		  { { Q_RATIO, 1.6667, 0, "memory", NULL } } },
		{ "We train a $7$B model on $300$B tokens.", 2,
		  { { Q_PARAMS, 7e9, 0, NULL, "7$B model" },
		    { Q_TOKENS, 3e11, 0, NULL, "300$B tokens" } } },
		{ "It achieves $12.7$ FID on COCO.", 1,
		  { { Q_QUALITY, 12.7, 0, "fid", NULL } } },
		{ "We use $512$ A100 GPUs for $3$ days.", 1,
		  { { Q_COMPUTE, 36864, 0, "A100", NULL } } },
		{ "We train on $10^{4}$ GPU hours.", 1,
		  { { Q_COMPUTE, 1e4, 0, NULL, "10^{4}$ GPU hours" } } },
		{ "It needs 1.5 \\times 10^4 GPU hours.", 1,
		  { { Q_COMPUTE, 1.5e4, 0, NULL, "1.5 \\times 10^4 GPU hours" } } },
		{ "It needs 1.5\xc3\x97" "10\xe2\x81\xb4 GPU hours.", 1,
		  { { Q_COMPUTE, 1.5e4, 0, NULL, NULL } } },
		{ "It costs $\\approx$\\$500 and USD 1,000.", 2,
		  { { Q_COST_USD, 500, 0, NULL, "$500" },
		    { Q_COST_USD, 1000, 0, NULL, "USD 1,000" } } },
		{ "We train on 8 $\\times$ A100 GPUs for 2 days.", 1,
		  { { Q_COMPUTE, 384, 0, "A100", "8 $\\times$ A100 GPUs for 2 days" } } },
		{ "Training takes 2 days on 8\xc3\x97 H100 GPUs.", 1,
		  { { Q_COMPUTE, 384, 0, "H100", NULL } } },
		{ "It is 3x faster than A100 training.", 1,
		  { { Q_RATIO, 3, 0, "time", NULL } } },
		{ "It is \\textbf{3.5}$\\times$ faster and $\\mathbf{2\\times}$ cheaper.", 2,
		  { { Q_RATIO, 3.5, 0, "time", "3.5}$\\times$ faster" },
		    { Q_RATIO, 2, 0, "cost", NULL } } },
		{ "We train a \\textbf{7B} model on \\emph{300B tokens}.", 2,
		  { { Q_PARAMS, 7e9, 0, NULL, NULL },
		    { Q_TOKENS, 3e11, 0, NULL, "300B tokens" } } },
		{ "Training costs $1,890 and $5 to $10 per run.", 2,
		  { { Q_COST_USD, 1890, 0, NULL, "$1,890" },
		    { Q_COST_USD, 5, 10, NULL, "$5 to $10" } } },
	};
	static const char *const none[] = {
		"Training takes $3.8\\times10^{23}$ FLOPs.",
		"The learning rate is 10^{-4}.",
		"We set $\\lambda=10$ and $k=5$ in all runs.",
	};
	RUN_CASES(cases);
	RUN_NONE(none);
}

/* Phrasings of cost and compute beyond the dev set's: bounds in words,
 * longer accelerator times, accelerator time as a dimension, fractions
 * as shares, and a change of an amount of money. */
static void test_phrasings(void)
{
	static const struct ext_case cases[] = {
		{ "We train in under 24 hours on a single A100.", 1,
		  { { Q_COMPUTE, 24, 0, "A100", NULL } } },
		{ "Training takes 1.5 GPU-years.", 1,
		  { { Q_COMPUTE, 13140, 0, NULL, "1.5 GPU-years" } } },
		{ "We train for 2 months on 512 TPUv3 chips.", 1,
		  { { Q_COMPUTE, 747520, 0, "TPUv3", NULL } } },
		{ "It needs 2.1x fewer GPU hours.", 1,
		  { { Q_RATIO, 2.1, 0, "compute", "2.1x fewer GPU hours" } } },
		{ "It reduces the A100 hours by 3x.", 1,
		  { { Q_RATIO, 3, 0, "compute", NULL } } },
		{ "It uses only 1/10 of the compute.", 1,
		  { { Q_RATIO, 10, 0, "compute", "1/10 of the compute" } } },
		{ "It reduces the cost from $1,000 to $100.", 3,
		  { { Q_COST_USD, 1000, 0, NULL, "$1,000 to $100" },
		    { Q_RATIO, 10, 0, "cost", NULL },
		    { Q_COST_USD, 100, 0, NULL, "$100" } } },
		{ "We train on 8~A100 GPUs for 2~days.", 1,
		  { { Q_COMPUTE, 384, 0, "A100", "8~A100 GPUs for 2~days" } } },
		{ "It reaches 76.3~\\% accuracy on ImageNet.", 1,
		  { { Q_QUALITY, 76.3, 0, "accuracy", NULL } } },
		{ "It achieves 10~20X speedup and cuts the cost by~50\\%.", 2,
		  { { Q_RATIO, 10, 20, "time", NULL },
		    { Q_RATIO, 2, 0, "cost", NULL } } },
		{ "It costs \\$5--\\$10 per run.", 1,
		  { { Q_COST_USD, 5, 10, NULL, NULL } } },
		/* each factor its own dimension, from its own verb */
		{ "It reduces memory by 3.2x and speeds up training by 1.7x.", 2,
		  { { Q_RATIO, 3.2, 0, "memory", NULL },
		    { Q_RATIO, 1.7, 0, "time", "1.7x" } } },
		{ "It improves throughput by 2.5x while reducing energy use by 30%.", 2,
		  { { Q_RATIO, 2.5, 0, "time", "2.5x" },
		    { Q_RATIO, 1.4286, 0, "energy", NULL } } },
		{ "It needs 8x fewer GPUs and trains 3x faster.", 2,
		  { { Q_RATIO, 8, 0, "compute", "8x fewer GPUs" },
		    { Q_RATIO, 3, 0, "time", "3x faster" } } },
		/* a rate is a speed: its change is a ratio, never a count */
		{ "Throughput improves from 1,200 to 3,000 tokens per second.", 1,
		  { { Q_RATIO, 2.5, 0, "time", NULL } } },
		/* devices, then how long */
		{ "We train on 64 V100 GPUs, taking 5 days.", 1,
		  { { Q_COMPUTE, 7680, 0, "V100", NULL } } },
		{ "We train on 8 A100 GPUs in 3 days.", 1,
		  { { Q_COMPUTE, 576, 0, "A100", "8 A100 GPUs in 3 days" } } },
		{ "We train on 128 A100s for 5 days.", 1,
		  { { Q_COMPUTE, 15360, 0, "A100", "128 A100s for 5 days" } } },
		{ "It needs 16 GB of GPU memory.", 1,
		  { { Q_MEMORY_GB, 16, 0, NULL, "16 GB" } } },
		{ "It trains BERT-Large in 76 minutes on 1,024 TPUv3 chips.", 1,
		  { { Q_COMPUTE, 1297.0667, 0, "TPUv3", "76 minutes on 1,024 TPUv3 chips" } } },
		{ "It yields an order of magnitude reduction in the number of "
		  "trainable parameters.", 1,
		  { { Q_RATIO, 10, 0, "params", NULL } } },
		{ "It trains on 8xA100 for 2 days.", 1,
		  { { Q_COMPUTE, 384, 0, "A100", "8xA100 for 2 days" } } },
		{ "It reaches the target in 36 seconds on 8 H100 GPUs.", 1,
		  { { Q_COMPUTE, 0.08, 0, "H100", NULL } } },
		{ "We train a language model on a single GPU in one day.", 1,
		  { { Q_COMPUTE, 24, 0, NULL, "a single GPU in one day" } } },
		{ "It is trained on 8 V100 GPUs in a single day.", 1,
		  { { Q_COMPUTE, 192, 0, "V100", "8 V100 GPUs in a single day" } } },
		/* a result's metric after "average" or "zero-shot", or before
		 * the verb of its change */
		{ "The 3B model reaches 62.1 average accuracy across 10 tasks.", 2,
		  { { Q_PARAMS, 3e9, 0, NULL, NULL },
		    { Q_QUALITY, 62.1, 0, "accuracy", "62.1 average accuracy" } } },
		{ "Accuracy improves from 70.1 to 75.3 on ImageNet.", 1,
		  { { Q_QUALITY, 75.3, 0, "accuracy", NULL } } },
		{ "It obtains 45.2 mAP on COCO and 38.1 on LVIS.", 2,
		  { { Q_QUALITY, 45.2, 0, "map", NULL },
		    { Q_QUALITY, 38.1, 0, "map", "38.1" } } },
		{ "It reduces the memory footprint by a factor of 12.", 1,
		  { { Q_RATIO, 12, 0, "memory", "12" } } },
		{ "It processes 2x more tokens per second.", 1,
		  { { Q_RATIO, 2, 0, "time", NULL } } },
		{ "Our method is 2.7 times more sample-efficient than PPO.", 1,
		  { { Q_RATIO, 2.7, 0, "data", NULL } } },
		/* a change whose unit is named before it */
		{ "It reduces the number of GPU hours required from 1,000 to 250.", 3,
		  { { Q_COMPUTE, 1000, 0, NULL, "1,000 to 250" },
		    { Q_RATIO, 4, 0, "compute", NULL },
		    { Q_COMPUTE, 250, 0, NULL, "250" } } },
		{ "The number of GPU hours required drops from 1,000 to 250.", 3,
		  { { Q_COMPUTE, 1000, 0, NULL, NULL },
		    { Q_RATIO, 4, 0, "compute", NULL },
		    { Q_COMPUTE, 250, 0, NULL, "250" } } },
		/* a change of wall-clock time is a ratio of time; on stated
		 * devices, of compute */
		{ "It reduces training time from 3 weeks to 4 days.", 1,
		  { { Q_RATIO, 5.25, 0, "time", "3 weeks to 4 days" } } },
		{ "It cuts the training time from 12 to 3 hours.", 1,
		  { { Q_RATIO, 4, 0, "time", NULL } } },
		{ "Inference latency drops from 120 ms to 35 ms per image.", 1,
		  { { Q_RATIO, 3.4286, 0, "latency", NULL } } },
		{ "Training time drops from 10 days to 2 days on 64 V100s.", 3,
		  { { Q_COMPUTE, 15360, 0, "V100", NULL },
		    { Q_RATIO, 5, 0, "compute", NULL },
		    { Q_COMPUTE, 3072, 0, "V100", "2 days on 64 V100s" } } },
		{ "It costs $12k (vs. $160k for the baseline).", 3,
		  { { Q_RATIO, 13.3333, 0, "cost", NULL },
		    { Q_COST_USD, 12000, 0, NULL, "$12k" },
		    { Q_COST_USD, 160000, 0, NULL, "$160k" } } },
		{ "We distill a 70B teacher into a 7B student.", 1,
		  { { Q_PARAMS, 7e9, 0, NULL, "7B student" } } },
		/* a comparator's bare figure in the paper's unit */
		{ "It uses 30K GPU hours, compared with 300K for the original model.", 3,
		  { { Q_RATIO, 10, 0, "compute", NULL },
		    { Q_COMPUTE, 30000, 0, NULL, "30K GPU hours" },
		    { Q_COMPUTE, 300000, 0, NULL, "300K" } } },
		/* a change with the unit on both sides */
		{ "It reduces memory usage from 78GB to 22GB.", 3,
		  { { Q_MEMORY_GB, 78, 0, NULL, "78GB to 22GB" },
		    { Q_RATIO, 3.5455, 0, "memory", NULL },
		    { Q_MEMORY_GB, 22, 0, NULL, "22GB" } } },
		{ "We cut the training data from 3B tokens to 1B tokens.", 3,
		  { { Q_TOKENS, 3e9, 0, NULL, NULL },
		    { Q_RATIO, 3, 0, "tokens", NULL },
		    { Q_TOKENS, 1e9, 0, NULL, "1B tokens" } } },
	};
	static const char *const none[] = {
		"The model was released 2 years ago.",
		"It was accepted on 3/4 of the reviews.",
		"Our kernels reach 72% model FLOPs utilization.",
		"We reach 3,000 tokens/s on one A100.",
		"Inference runs at 45 images per second.",
		"The corpus grows from 10 GB to 40 GB.",
		"Spot instances cost $1.10/GPU-hour.",
		"We use 4x more data.",
		"It is the 3rd of 5 and 3 on average.",
		"The error grows by a factor of 2.",
		"The runtime ranges from 2 to 5 hours.",
		"We release 3 models, compared with 5 in prior work.",
		"It needs 3x more GPU memory.",
		"The pipeline costs under $2 per hour.",
	};
	RUN_CASES(cases);
	RUN_NONE(none);
	/* the bounds */
	{
		const char *t = "It uses fewer than 100 GPU hours and under $50.";
		struct claim_list l = CLAIM_LIST_INIT;
		extract_claims(t, strlen(t), &l);
		CHECK(l.len == 2);
		for (size_t i = 0; i < l.len; i++)
			CHECK(l.items[i].qualifier == QUAL_UPPER);
		claim_list_release(&l);
	}
	/* a qualifier read past the currency: "about US$85,000" */
	{
		const char *t = "It was trained for about US$85,000.";
		struct claim_list l = CLAIM_LIST_INIT;
		extract_claims(t, strlen(t), &l);
		CHECK(l.len == 1);
		if (l.len == 1)
			CHECK(l.items[0].qualifier == QUAL_APPROX);
		claim_list_release(&l);
	}
	/* each result its own dataset, named with one capital or none */
	{
		static const char *const t[][3] = {
			{ "It obtains 82.4% mIoU on Cityscapes and 48.1 mIoU on ADE20K.",
			  "Cityscapes", "ADE20K" },
			{ "It gets 3.2 perplexity on the Pile.", "Pile", NULL },
			{ "It reaches 80.1% top-1 accuracy on Kinetics-400.", "Kinetics-400",
			  NULL },
			{ "It reaches 90% accuracy on Sunday evenings.", NULL, NULL },
		};
		for (size_t k = 0; k < sizeof t / sizeof *t; k++) {
			struct claim_list l = CLAIM_LIST_INIT;
			extract_claims(t[k][0], strlen(t[k][0]), &l);
			size_t want = t[k][2] ? 2 : 1;
			CHECK(l.len == want);
			for (size_t i = 0; i < l.len && i < want; i++) {
				const char *d = l.items[i].dataset, *w = t[k][1 + i];
				if (!(d && w ? !strcmp(d, w) : d == w))
					fprintf(stderr, "  \"%s\": dataset %s, want %s\n", t[k][0],
						d ? d : "none", w ? w : "none");
				CHECK(d && w ? !strcmp(d, w) : d == w);
			}
			claim_list_release(&l);
		}
	}
}

/* The same figure stated twice is one claim. */
static void test_dedupe(void)
{
	const char *t = "We train a 7B model. The 7B model uses 1B tokens.";
	struct claim_list l = CLAIM_LIST_INIT;

	extract_claims(t, strlen(t), &l);
	CHECK(l.len == 2);
	if (l.len == 2) {
		CHECK(l.items[0].quantity == Q_PARAMS);
		CHECK(l.items[0].span_start == 11);
		CHECK(l.items[1].quantity == Q_TOKENS);
	}
	claim_list_release(&l);
}

static void test_hostile(void)
{
	struct claim_list l = CLAIM_LIST_INIT;
	size_t n = 5u << 20;
	char *big = malloc(n);
	static const char bad[] = "12\xff\xfe GPU \xc3 days \xe2\x80 7B\x80 model";
	static const char nul[] = "uses 3\0 GPU days and 7B\0model 5 GPU days";

	extract_claims(NULL, 0, &l);
	extract_claims("", 0, &l);
	CHECK(l.len == 0);
	/* not NUL-terminated: only len bytes are read */
	extract_claims("12 GPU days", 2, &l);
	CHECK(l.len == 0);
	memset(big, '7', n);
	extract_claims(big, n, &l);
	CHECK(l.len == 0);
	for (size_t i = 0; i < n; i++)
		big[i] = "1 x%.B-,\xc3\x97("[i % 11];
	extract_claims(big, n, &l);
	claim_list_clear(&l);
	for (size_t i = 0; i < n; i++)
		big[i] = (char)((i * 2654435761u) >> 13);
	extract_claims(big, n, &l);
	claim_list_clear(&l);
	extract_claims(bad, sizeof bad - 1, &l);
	claim_list_clear(&l);
	extract_claims(nul, sizeof nul - 1, &l);
	CHECK(l.len >= 1);
	for (size_t i = 0; i < l.len; i++)
		CHECK(l.items[i].span_end <= (long)(sizeof nul - 1));
	claim_list_release(&l);
	free(big);
}

static void test_lexicon(void)
{
	CHECK(lex_sorted());
}

/* Numbers written as words. */
static void test_spelled(void)
{
	static const struct ext_case cases[] = {
		{ "We grow the encoder to two billion parameters.", 1,
		  { { Q_PARAMS, 2e9, 0, NULL, "two billion parameters" } } },
		{ "The student trains four times faster than its teacher.", 1,
		  { { Q_RATIO, 4, 0, "time", "four times faster" } } },
		{ "Our router needs an order of magnitude fewer parameters.", 1,
		  { { Q_RATIO, 10, 0, "params", NULL } } },
		{ "Pruning cuts inference latency by two orders of magnitude.", 1,
		  { { Q_RATIO, 100, 0, "latency", NULL } } },
		{ "The sparse kernel is twice as fast as the dense one.", 1,
		  { { Q_RATIO, 2, 0, "time", "twice as fast" } } },
		{ "Sharing the cache halves the memory footprint.", 1,
		  { { Q_RATIO, 2, 0, "memory", "halves the memory" } } },
		{ "Fusing the kernels doubles the decoding throughput.", 1,
		  { { Q_RATIO, 2, 0, "time", NULL } } },
		{ "Distillation reduces the energy and latency of the "
		  "detector by half.", 2,
		  { { Q_RATIO, 2, 0, "latency", "half" },
		    { Q_RATIO, 2, 0, "energy", "half" } } },
		{ "The adapter uses half the memory of full tuning.", 1,
		  { { Q_RATIO, 2, 0, "memory", NULL } } },
		{ "Training converges in a threefold shorter time.", 1,
		  { { Q_RATIO, 3, 0, "time", NULL } } },
	};
	static const char *const skips[] = {
		"We repeat each experiment three times.",
		"The decoder is an order of magnitude larger.",
		"It needs twice as many parameters as the baseline.",
		"Doubling the training time brings no gain.",
		"We train in half precision.",
		"Only one of the two models converges.",
	};
	RUN_CASES(cases);
	RUN_NONE(skips);
}

/* Pairs of figures: "from X to Y", and a comparator's figure set against
 * the paper's in one sentence. */
static void test_pairs(void)
{
	static const struct ext_case cases[] = {
		{ "The adapter lifts the F1 of entity linking from 41.2 to "
		  "44.9.", 1,
		  { { Q_QUALITY, 44.9, 0, "f1", NULL } } },
		{ "It raises the accuracy from 70.5 to 73.1 on SVHN.", 1,
		  { { Q_QUALITY, 73.1, 0, "accuracy", NULL } } },
		{ "The cache increases throughput from 30 to 75 FPS.", 1,
		  { { Q_RATIO, 2.5, 0, "time", NULL } } },
		{ "Our run took 40 hours on 8 V100 GPUs whereas the original "
		  "recipe needed 1,280 V100 hours.", 3,
		  { { Q_RATIO, 4, 0, "compute", NULL },
		    { Q_COMPUTE, 320, 0, "V100", NULL },
		    { Q_COMPUTE, 1280, 0, "V100", NULL } } },
		{ "It matches the reference with 2B tokens than the "
		  "standard mixture with 10B tokens.", 3,
		  { { Q_RATIO, 5, 0, "tokens", NULL },
		    { Q_TOKENS, 2e9, 0, NULL, "2B tokens" },
		    { Q_TOKENS, 1e10, 0, NULL, "10B tokens" } } },
		{ "The 3B model rivals 13B models on reasoning.", 2,
		  { { Q_PARAMS, 3e9, 0, NULL, "3B model" },
		    { Q_PARAMS, 13e9, 0, NULL, "13B models" } } },
	};
	RUN_CASES(cases);
}

/* Which model a size belongs to, and what is not a training figure. */
static void test_subjects(void)
{
	static const struct ext_case cases[] = {
		{ "We continue pre-training Mistral (7B) on legal text.", 1,
		  { { Q_PARAMS, 7e9, 0, NULL, "Mistral (7B)" } } },
		{ "It beats LLMs of 13B and 70B on the suite.", 2,
		  { { Q_PARAMS, 13e9, 0, NULL, "13B" },
		    { Q_PARAMS, 70e9, 0, NULL, "70B" } } },
		{ "The filtered 300M subset suffices for training.", 1,
		  { { Q_DATA_SIZE, 3e8, 0, NULL, "300M subset" } } },
		{ "We pre-train on a 50B-token corpus.", 1,
		  { { Q_TOKENS, 5e10, 0, NULL, "50B-token" } } },
		{ "We used more than 120,000 tissue patches.", 1,
		  { { Q_DATA_SIZE, 120000, 0, NULL, NULL } } },
	};
	static const char *const skips[] = {
		"The grammar admits 20 million possible programs.",
		"Each image is cut into 196 patches.",
		"It outperforms Falcon (40B) on every task.",
		"The method compresses the backbone to 38.5% without loss.",
		"A run costs \xe2\x82\xac" "2,400 on rented servers.",
		"A run costs EUR 2,400 or 1,900 pounds.",
		"The grant was A$50,000.",
	};
	RUN_CASES(cases);
	RUN_NONE(skips);
}

/* Subjects and baselines: the comparator's figures carry subject
 * baseline, and a ratio names what it is measured against. */
static void test_baselines(void)
{
	static const struct {
		const char *text;
		size_t index;        /* claim to look at */
		int subject;         /* subject_baseline wanted */
		const char *baseline; /* NULL: none */
	} cases[] = {
		{ "The draft model decodes 3.1x faster than Llama-2-Chat.", 0,
		  0, "Llama-2-Chat" },
		{ "Our layer yields 40% memory savings over the vanilla "
		  "transformer.", 0, 0, "vanilla transformer" },
		{ "Compared with LoRA, the method trains 1.8x faster.", 0, 0,
		  "LoRA" },
		{ "It is 5x cheaper than the state-of-the-art pipeline, which "
		  "costs $9,000.", 0, 0, "state-of-the-art pipeline" },
		{ "It is 5x cheaper than the state-of-the-art pipeline, which "
		  "costs $9,000.", 1, 1, NULL },
		{ "It is 12 times smaller than 70B LLMs.", 1, 1, NULL },
		{ "It surpasses a broad range of LLMs at 8B and 70B scales.", 0,
		  1, NULL },
		{ "We train models of 1B and 8B from scratch.", 1, 0, NULL },
		{ "It uses more than 2,000 labeled images.", 0, 0, NULL },
		{ "It runs over 10 times faster.", 0, 0, NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct claim_list l = CLAIM_LIST_INIT;
		const char *t = cases[i].text;
		extract_claims(t, strlen(t), &l);
		CHECK(l.len > cases[i].index);
		if (l.len > cases[i].index) {
			const struct claim *c = &l.items[cases[i].index];
			if (c->subject_baseline != cases[i].subject)
				printf("  \"%s\": claim %zu subject %d\n", t,
				       cases[i].index, c->subject_baseline);
			CHECK(c->subject_baseline == cases[i].subject);
			if (cases[i].baseline)
				CHECK_STR(c->baseline, cases[i].baseline);
			else
				CHECK(c->baseline == NULL);
		}
		claim_list_release(&l);
	}
}

/* Notes are formatted without printf for short numbers; they must read
 * as fmt_double() writes them. */
static void test_notes(void)
{
	static const struct {
		const char *text;
		const char *note;
	} cases[] = {
		{ "It needs 6,250 A100 GPU days.",
		  "6250 days x 24 h = 150000 device-hours" },
		{ "It reaches 12.7 FID on COCO.", "12.7 as stated" },
		{ "It saves 45% computational cost.",
		  "45% reduction = 1/(1-45/100) = 1.8182x" },
		{ "a 0.0375B model", "37500000" },
		{ "It uses 1.4T tokens.", "1400000000000" },
		{ "It costs $0.25 per run, $1234567.125 in all.", "0.25" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct claim_list l = CLAIM_LIST_INIT;
		extract_claims(cases[i].text, strlen(cases[i].text), &l);
		CHECK(l.len >= 1);
		if (l.len >= 1)
			CHECK_STR(l.items[0].note, cases[i].note);
		claim_list_release(&l);
	}
}

/* Sentences without figures are skimmed sixteen bytes at a time: a
 * figure, or a word that may spell one, is found at every alignment. */
static void test_skim(void)
{
	static const char *const tails[] = {
		"It has 7B parameters.",
		"Training is twice as fast.",
		"It uses half the memory.",
		"It is ten times cheaper.",
	};
	CHECK(extract_skim_check() == 1);
	for (size_t t = 0; t < sizeof tails / sizeof *tails; t++)
		for (size_t k = 0; k < 40; k++) {
			char text[256];
			int n = snprintf(text, sizeof text, "%.*s %s Nothing else here at all.",
					 (int)k, "Plain words without any figure in them, none.",
					 tails[t]);
			struct claim_list l = CLAIM_LIST_INIT;
			extract_claims(text, (size_t)n, &l);
			CHECK(l.len == 1);
			claim_list_release(&l);
		}
}

int main(void)
{
	RUN(test_standalone);
	RUN(test_sentences);
	RUN(test_skips);
	RUN(test_unicode);
	RUN(test_latex_math);
	RUN(test_phrasings);
	RUN(test_dedupe);
	RUN(test_hostile);
	RUN(test_lexicon);
	RUN(test_spelled);
	RUN(test_pairs);
	RUN(test_subjects);
	RUN(test_baselines);
	RUN(test_notes);
	RUN(test_skim);
	return UNIT_EXIT();
}
