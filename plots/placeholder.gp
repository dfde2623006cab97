# replaced by the real templates
