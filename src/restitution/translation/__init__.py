"""Translation of a case's free text: which fields the Chinese documents print
(`fields`), and the translator's round trip through XLIFF (`xliff`) back into
the case file (`yamlfile`)."""
