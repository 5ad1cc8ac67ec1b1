/* openapi_data.S: api/openapi.json compiled into the binary, so that the
 * server describes itself from anywhere. The bytes lie between
 * kl_openapi_data and kl_openapi_end (not NUL-terminated). The path is
 * relative to the repository root, where make runs the assembler; the
 * Makefile names api/openapi.json as a dependency of this object. */
	.section .rodata
	.global kl_openapi_data
	.global kl_openapi_end
	.type kl_openapi_data, @object
kl_openapi_data:
	.incbin "api/openapi.json"
kl_openapi_end:
	.size kl_openapi_data, kl_openapi_end - kl_openapi_data

	.section .note.GNU-stack,"",@progbits
