/* test_figure.c - figure_parse() and hardware_normalise(). */
#include <stdlib.h>
#include <string.h>

#include "claim.h"
#include "figure.h"
#include "unit.h"

struct fig_case {
	const char *text;
	enum quantity hint;
	enum quantity want;
	double value;
	double value_max; /* 0: no range */
	const char *extra; /* dimension, hardware or metric; NULL to skip */
	enum qualifier qual;
};

static void check_case(const struct fig_case *fc)
{
	struct claim c;
	struct figure_error err;
	int rc;

	claim_init(&c);
	memset(&err, 0, sizeof err);
	rc = figure_parse(fc->text, fc->hint, &c, &err);
	if (rc != 0)
		printf("  figure_parse(\"%s\"): %s\n", fc->text, err.msg);
	CHECK(rc == 0);
	if (rc == 0) {
		CHECK_STR(quantity_name(c.quantity), quantity_name(fc->want));
		CHECK_NUM(c.value, fc->value);
		if (fc->value_max) {
			CHECK(c.has_max);
			CHECK_NUM(c.value_max, fc->value_max);
		}
		if (fc->extra) {
			const char *got = c.quantity == Q_RATIO ? c.dimension :
					  c.quantity == Q_COMPUTE ? c.hardware :
					  c.metric;
			CHECK_STR(got, fc->extra);
		}
		if (fc->qual != QUAL_NONE)
			CHECK(c.qualifier == fc->qual);
		CHECK(c.unit != NULL);
		CHECK(c.note != NULL);
		CHECK_STR(c.raw, fc->text);
		if (c.quantity != Q_QUALITY)
			CHECK_STR(c.unit, quantity_unit(c.quantity));
	}
	claim_release(&c);
}

static void test_numbers(void)
{
	static const struct fig_case cases[] = {
		{ "1.16 billion parameters", Q_NONE, Q_PARAMS, 1.16e9, 0, NULL, 0 },
		{ "0.28M parameters", Q_NONE, Q_PARAMS, 280000, 0, NULL, 0 },
		{ "one billion", Q_PARAMS, Q_PARAMS, 1e9, 0, NULL, 0 },
		{ "7B model", Q_NONE, Q_PARAMS, 7e9, 0, NULL, 0 },
		{ "7B", Q_PARAMS, Q_PARAMS, 7e9, 0, NULL, 0 },
		{ "125M to 600M", Q_PARAMS, Q_PARAMS, 125e6, 600e6, NULL, 0 },
		{ "590 million to 2 billion parameters", Q_NONE, Q_PARAMS,
		  590e6, 2e9, NULL, 0 },
		{ "3-billion-parameter", Q_NONE, Q_PARAMS, 3e9, 0, NULL, 0 },
		{ "1.4T tokens", Q_NONE, Q_TOKENS, 1.4e12, 0, NULL, 0 },
		{ "300B tokens", Q_NONE, Q_TOKENS, 3e11, 0, NULL, 0 },
		{ "400 million (image, text) pairs", Q_NONE, Q_DATA_SIZE,
		  4e8, 0, NULL, 0 },
		{ "747k math problems", Q_NONE, Q_DATA_SIZE, 747000, 0, NULL, 0 },
		{ "16 GB", Q_NONE, Q_MEMORY_GB, 16, 0, NULL, 0 },
		{ "25.8GB memory", Q_NONE, Q_MEMORY_GB, 25.8, 0, NULL, 0 },
		{ "1,890", Q_COST_USD, Q_COST_USD, 1890, 0, NULL, 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		check_case(&cases[i]);
}

static void test_money(void)
{
	static const struct fig_case cases[] = {
		{ "$1,890", Q_NONE, Q_COST_USD, 1890, 0, NULL, 0 },
		{ "\\1,890", Q_NONE, Q_COST_USD, 1890, 0, NULL, 0 },
		{ "$28.4K", Q_NONE, Q_COST_USD, 28400, 0, NULL, 0 },
		{ "US$ 2.1 million", Q_NONE, Q_COST_USD, 2.1e6, 0, NULL, 0 },
		{ "US$2.1M", Q_NONE, Q_COST_USD, 2.1e6, 0, NULL, 0 },
		{ "about $20", Q_NONE, Q_COST_USD, 20, 0, NULL, QUAL_APPROX },
		{ "nearly \\300,000", Q_NONE, Q_COST_USD, 300000, 0, NULL,
		  QUAL_APPROX },
		{ "2,000 dollars", Q_NONE, Q_COST_USD, 2000, 0, NULL, 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		check_case(&cases[i]);
}

static void test_ratios(void)
{
	static const struct fig_case cases[] = {
		{ "118\\times lower cost", Q_NONE, Q_RATIO, 118, 0, "cost", 0 },
		{ "118× lower cost", Q_NONE, Q_RATIO, 118, 0, "cost", 0 },
		{ "$1.18\\times$ faster", Q_NONE, Q_RATIO, 1.18, 0, "time", 0 },
		{ "2.54x speedup", Q_NONE, Q_RATIO, 2.54, 0, "time", 0 },
		{ "8-10× lower cost", Q_NONE, Q_RATIO, 8, 10, "cost", 0 },
		{ "10~20X faster", Q_NONE, Q_RATIO, 10, 20, "time", 0 },
		{ "4 to 7 times faster", Q_NONE, Q_RATIO, 4, 7, "time", 0 },
		{ "200times fewer tokens", Q_NONE, Q_RATIO, 200, 0, "tokens", 0 },
		{ "10x smaller", Q_NONE, Q_RATIO, 10, 0, "params", 0 },
		{ "up to 40x fewer training tokens", Q_NONE, Q_RATIO, 40, 0,
		  "tokens", QUAL_UPPER },
		{ "over 10 times less training costs", Q_NONE, Q_RATIO, 10, 0,
		  "cost", QUAL_LOWER },
		{ "9x less training compute", Q_NONE, Q_RATIO, 9, 0, "compute", 0 },
		{ "8-18x computational complexity reduction", Q_NONE, Q_RATIO,
		  8, 18, "flops", 0 },
		{ "5.18x latency reductions", Q_NONE, Q_RATIO, 5.18, 0,
		  "latency", 0 },
		{ "around 20x parameters stored", Q_NONE, Q_RATIO, 20, 0,
		  "params", QUAL_APPROX },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		check_case(&cases[i]);
}

static void test_percentages(void)
{
	static const struct fig_case cases[] = {
		{ "80% memory reduction", Q_NONE, Q_RATIO, 5, 0, "memory", 0 },
		{ "86% fewer parameters", Q_NONE, Q_RATIO, 7.1429, 0, "params", 0 },
		{ "saves about 45% computational cost", Q_NONE, Q_RATIO, 1.8182,
		  0, "compute", QUAL_APPROX },
		{ "29% as many parameters as ViT", Q_NONE, Q_RATIO, 3.4483, 0,
		  "params", 0 },
		{ "15% the size of ResNet50", Q_NONE, Q_RATIO, 6.6667, 0,
		  "params", 0 },
		{ "less than 1% of trainable parameters", Q_NONE, Q_RATIO, 100,
		  0, "params", QUAL_LOWER },
		{ "10.8% of the training time", Q_NONE, Q_RATIO, 9.2593, 0,
		  "time", 0 },
		{ "reducing 90% CO2 emissions", Q_NONE, Q_RATIO, 10, 0,
		  "energy", 0 },
		{ "reduce up to 93.8% GPU memory", Q_NONE, Q_RATIO, 16.129, 0,
		  "memory", QUAL_UPPER },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		check_case(&cases[i]);
}

static void test_compute(void)
{
	static const struct fig_case cases[] = {
		{ "6,250 A100 GPU days", Q_NONE, Q_COMPUTE, 150000, 0, "A100", 0 },
		{ "184K GPU-hours", Q_NONE, Q_COMPUTE, 184000, 0, NULL, 0 },
		{ "10.8 GPU hours", Q_NONE, Q_COMPUTE, 10.8, 0, NULL, 0 },
		{ "4.2M GPU hours", Q_NONE, Q_COMPUTE, 4.2e6, 0, NULL, 0 },
		{ "12 V100-days", Q_NONE, Q_COMPUTE, 288, 0, "V100", 0 },
		{ "13 hours on 8 A100 80 GB GPUs", Q_NONE, Q_COMPUTE, 104, 0,
		  "A100", 0 },
		{ "2.5 days on 64 TPUv3 chips", Q_NONE, Q_COMPUTE, 3840, 0,
		  "TPUv3", 0 },
		{ "1,024 H100 GPUs for 30 days", Q_NONE, Q_COMPUTE, 737280, 0,
		  "H100", 0 },
		{ "3 days on a single 8-4090 node", Q_NONE, Q_COMPUTE, 576, 0,
		  "RTX 4090", 0 },
		{ "146 hours of A100 training", Q_NONE, Q_COMPUTE, 146, 0,
		  "A100", 0 },
		{ "2 days on a TPU v3", Q_NONE, Q_COMPUTE, 48, 0, "TPUv3",
		  QUAL_LOWER },
		{ "within a single GPU hour", Q_NONE, Q_COMPUTE, 1, 0, NULL,
		  QUAL_UPPER },
		{ "a single day using 8 V100 GPUs", Q_NONE, Q_COMPUTE, 192, 0,
		  "V100", 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		check_case(&cases[i]);
}

static void test_quality(void)
{
	static const struct fig_case cases[] = {
		{ "12.7 FID", Q_NONE, Q_QUALITY, 12.7, 0, "fid", 0 },
		{ "98% accuracy", Q_NONE, Q_QUALITY, 98, 0, "accuracy", 0 },
		{ "99.76% top-1 accuracy", Q_NONE, Q_QUALITY, 99.76, 0,
		  "top-1 accuracy", 0 },
		{ "16.7 perplexity", Q_NONE, Q_QUALITY, 16.7, 0, "perplexity", 0 },
		{ "90% success rate", Q_NONE, Q_QUALITY, 90, 0, "success rate", 0 },
	};
	struct claim c;
	struct figure_error err;

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		check_case(&cases[i]);
	claim_init(&c);
	CHECK(figure_parse("98% accuracy", Q_NONE, &c, &err) == 0);
	CHECK_STR(c.unit, "%");
	claim_release(&c);
	CHECK(figure_parse("12.7 FID", Q_NONE, &c, &err) == 0);
	CHECK_STR(c.unit, "FID");
	claim_release(&c);
}

/* Existing fields of the claim are the caller's and stay. */
static void test_keeps_fields(void)
{
	struct claim c;
	struct figure_error err;

	claim_init(&c);
	claim_set(&c.hardware, "H100");
	CHECK(figure_parse("6,250 A100 GPU days", Q_COMPUTE, &c, &err) == 0);
	CHECK_STR(c.hardware, "H100");
	CHECK_NUM(c.value, 150000);
	CHECK(strstr(c.note, "150000") != NULL);
	claim_release(&c);
}

struct err_case {
	const char *text;
	enum quantity hint;
	long col;
	const char *msg;
};

static void test_errors(void)
{
	static const struct err_case cases[] = {
		{ "", Q_NONE, 1, "no number" },
		{ "lots of parameters", Q_NONE, 1, "no number" },
		{ "12 furlongs", Q_NONE, 4, "unknown unit 'furlongs'" },
		{ "1e400 tokens", Q_TOKENS, 1, "number out of range" },
		{ "0 GPU hours", Q_NONE, 1, "zero amount" },
		{ "-5 GPU hours", Q_NONE, 1, "negative amount" },
		{ "12", Q_NONE, 3, "missing unit" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct claim c;
		struct figure_error err;
		claim_init(&c);
		memset(&err, 0, sizeof err);
		CHECK(figure_parse(cases[i].text, cases[i].hint, &c, &err) == -1);
		CHECK_STR(err.msg, cases[i].msg);
		CHECK(err.col == cases[i].col);
		claim_release(&c);
	}
}

/* Money in another currency is refused (cost_usd is US dollars); the
 * amount and its code are kept in value and unit for the message. */
static void test_other_currency(void)
{
	static const struct {
		const char *text;
		const char *code;
		double value;
	} cases[] = {
		{ "\xe2\x82\xac" "1,200", "EUR", 1200 },
		{ "\xc2\xa3" "35K", "GBP", 35000 },
		{ "\xc2\xa5" "9,000", "JPY", 9000 },
		{ "EUR 2,500", "EUR", 2500 },
		{ "A$400", "AUD", 400 },
		{ "HK$ 80", "HKD", 80 },
		{ "300 euros", "EUR", 300 },
		{ "12 million yuan", "CNY", 12e6 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct claim c;
		struct figure_error err;
		claim_init(&c);
		memset(&err, 0, sizeof err);
		CHECK(figure_parse(cases[i].text, Q_COST_USD, &c, &err) == -1);
		CHECK(strstr(err.msg, "not in US dollars") != NULL);
		CHECK_STR(c.unit, cases[i].code);
		CHECK_NUM(c.value, cases[i].value);
		CHECK(c.note != NULL);
		claim_release(&c);
	}
	/* US dollars stay cost_usd */
	check_case(&(struct fig_case){ "US$ 900", Q_COST_USD, Q_COST_USD, 900,
				       0, NULL, 0 });
}

/* Figures spelled in words, as a curated file may give them. */
static void test_spelled(void)
{
	static const struct fig_case cases[] = {
		{ "three billion parameters", Q_NONE, Q_PARAMS, 3e9, 0, NULL, 0 },
		{ "five times faster", Q_NONE, Q_RATIO, 5, 0, "time", 0 },
		{ "an order of magnitude less memory", Q_NONE, Q_RATIO, 10, 0,
		  "memory", 0 },
		{ "twice as fast", Q_NONE, Q_RATIO, 2, 0, "time", 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		check_case(&cases[i]);
}

static void test_huge_number(void)
{
	size_t n = 100000;
	char *s = malloc(n + 8);
	struct claim c;
	struct figure_error err;

	memset(s, '9', n);
	memcpy(s + n, " GB", 4);
	claim_init(&c);
	CHECK(figure_parse(s, Q_NONE, &c, &err) == -1);
	CHECK_STR(err.msg, "number out of range");
	claim_release(&c);
	free(s);
}

static void test_hardware(void)
{
	static const char *const cases[][2] = {
		{ "A100", "A100" }, { "A100-80GB", "A100" },
		{ "A100 80 GB", "A100" }, { "V100", "V100" }, { "V100s", "V100" },
		{ "H100", "H100" }, { "H200", "H200" }, { "A6000", "A6000" },
		{ "A10", "A10" }, { "T4", "T4" }, { "RTX 3090", "RTX 3090" },
		{ "RTX4090", "RTX 4090" }, { "4090", "RTX 4090" },
		{ "8-4090", "RTX 4090" }, { "RTX 4060 Ti", "RTX 4060 Ti" },
		{ "NVIDIA RTX 4060 Ti", "RTX 4060 Ti" }, { "TPUv2", "TPUv2" },
		{ "TPU v3", "TPUv3" }, { "TPUv3", "TPUv3" }, { "TPU-v4", "TPUv4" },
		{ "TPUv5e", "TPUv5e" }, { "MI250X", "MI250X" },
		{ "nvidia a100", "A100" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		CHECK_STR(hardware_normalise(cases[i][0], strlen(cases[i][0])),
			  cases[i][1]);
	CHECK(hardware_normalise("GPU", 3) == NULL);
	CHECK(hardware_normalise("", 0) == NULL);
	CHECK(hardware_normalise("ResNet", 6) == NULL);
	/* a card number is four digits standing alone */
	CHECK(hardware_normalise("4090.5", 6) == NULL);
	CHECK(hardware_normalise("40901", 5) == NULL);
	CHECK_STR(hardware_normalise("3090.", 5), "RTX 3090");
	/* only len bytes count */
	CHECK_STR(hardware_normalise("A100xyz", 4), "A100");
}

int main(void)
{
	RUN(test_numbers);
	RUN(test_money);
	RUN(test_ratios);
	RUN(test_percentages);
	RUN(test_compute);
	RUN(test_quality);
	RUN(test_keeps_fields);
	RUN(test_errors);
	RUN(test_other_currency);
	RUN(test_spelled);
	RUN(test_huge_number);
	RUN(test_hardware);
	return UNIT_EXIT();
}
