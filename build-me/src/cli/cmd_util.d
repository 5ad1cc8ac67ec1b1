build-me/src/cli/cmd_util.o: src/cli/cmd_util.c src/cli/cli.h \
 src/core/geo.h src/util/sbuf.h src/core/store.h src/core/entry.h \
 src/util/err.h
src/cli/cli.h:
src/core/geo.h:
src/util/sbuf.h:
src/core/store.h:
src/core/entry.h:
src/util/err.h:
