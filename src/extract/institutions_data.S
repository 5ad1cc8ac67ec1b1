/* institutions_data.S: data/institutions.tsv compiled into the binary,
 * between kl_institutions_data and kl_institutions_end (not
 * NUL-terminated); institutions.c parses it. The Makefile names the file
 * as a dependency of this object (-MMD does not see .incbin). */
	.section .rodata
	.global kl_institutions_data
	.global kl_institutions_end
	.type kl_institutions_data, @object
kl_institutions_data:
	.incbin "data/institutions.tsv"
kl_institutions_end:
	.size kl_institutions_data, kl_institutions_end - kl_institutions_data

	.section .note.GNU-stack,"",@progbits
