/* gazetteer_data.S: data/gazetteer.tsv compiled into the binary, so that
 * kilandkarte runs from any directory without a data path. The bytes lie
 * between kl_gazetteer_data and kl_gazetteer_end (not NUL-terminated);
 * geo_open_builtin() in geo.c parses them. The path is relative to the
 * repository root, where make runs the assembler; the Makefile names the
 * .tsv as a dependency because -MMD does not see .incbin. */
	.section .rodata
	.global kl_gazetteer_data
	.global kl_gazetteer_end
	.type kl_gazetteer_data, @object
kl_gazetteer_data:
	.incbin "data/gazetteer.tsv"
kl_gazetteer_end:
	.size kl_gazetteer_data, kl_gazetteer_end - kl_gazetteer_data

	.section .note.GNU-stack,"",@progbits
