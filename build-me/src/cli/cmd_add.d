build-me/src/cli/cmd_add.o: src/cli/cmd_add.c src/cli/cli.h \
 src/core/geo.h src/util/sbuf.h src/core/store.h src/core/entry.h \
 src/util/err.h src/util/text.h src/util/sbuf.h src/util/xalloc.h
src/cli/cli.h:
src/core/geo.h:
src/util/sbuf.h:
src/core/store.h:
src/core/entry.h:
src/util/err.h:
src/util/text.h:
src/util/sbuf.h:
src/util/xalloc.h:
