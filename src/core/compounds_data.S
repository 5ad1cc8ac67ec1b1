/* compounds_data.S: data/compounds.txt compiled into the binary, so that
 * the German tokenizer needs no data path at run time. The bytes lie
 * between kl_compounds_data and kl_compounds_end (not NUL-terminated);
 * gtok.c parses them into the compound lexicon. The path is relative to
 * the repository root, where make runs the assembler; -MMD does not see
 * .incbin, so the Makefile has to name data/compounds.txt as a dependency
 * of this object for edits of the list to trigger a rebuild. */
	.section .rodata
	.global kl_compounds_data
	.global kl_compounds_end
	.type kl_compounds_data, @object
kl_compounds_data:
	.incbin "data/compounds.txt"
kl_compounds_end:
	.size kl_compounds_data, kl_compounds_end - kl_compounds_data

	.section .note.GNU-stack,"",@progbits
