/* claim_json.c - JSON Lines form of a claim, written with cJSON. */
#include "claim_json.h"

#include <cJSON.h>
#include <stdlib.h>

static void add_string(cJSON *o, const char *key, const char *v)
{
	if (v)
		cJSON_AddStringToObject(o, key, v);
	else
		cJSON_AddNullToObject(o, key);
}

void claim_json(struct strbuf *out, const struct claim *c, const char *paper,
		const char *arxiv_id, long id)
{
	cJSON *o = cJSON_CreateObject();
	if (!o)
		BUG("out of memory");
	if (id > 0)
		cJSON_AddNumberToObject(o, "id", (double)id);
	add_string(o, "paper", paper);
	add_string(o, "arxiv_id", arxiv_id);
	cJSON_AddStringToObject(o, "quantity", quantity_name(c->quantity));
	cJSON_AddNumberToObject(o, "value", c->value);
	if (c->has_max)
		cJSON_AddNumberToObject(o, "value_max", c->value_max);
	else
		cJSON_AddNullToObject(o, "value_max");
	add_string(o, "unit", c->unit);
	add_string(o, "qualifier", qualifier_name(c->qualifier));
	add_string(o, "dimension", c->dimension);
	add_string(o, "hardware", c->hardware);
	add_string(o, "metric", c->metric);
	add_string(o, "dataset", c->dataset);
	add_string(o, "subject", c->subject_baseline ? "baseline" : NULL);
	add_string(o, "baseline", c->baseline);
	add_string(o, "span", c->span);
	if (c->span_start >= 0) {
		cJSON_AddNumberToObject(o, "span_start", (double)c->span_start);
		cJSON_AddNumberToObject(o, "span_end", (double)c->span_end);
	} else {
		cJSON_AddNullToObject(o, "span_start");
		cJSON_AddNullToObject(o, "span_end");
	}
	add_string(o, "raw", c->raw);
	add_string(o, "note", c->note);
	cJSON_AddStringToObject(o, "origin", origin_name(c->origin));
	add_string(o, "curation", c->origin == ORIGIN_CURATED ? curation_name(c->curation) : NULL);
	add_string(o, "source_file", c->source_file);
	if (c->source_line > 0)
		cJSON_AddNumberToObject(o, "source_line", (double)c->source_line);
	else
		cJSON_AddNullToObject(o, "source_line");
	char *text = cJSON_PrintUnformatted(o);
	if (!text)
		BUG("out of memory");
	sb_adds(out, text);
	free(text);
	cJSON_Delete(o);
}
