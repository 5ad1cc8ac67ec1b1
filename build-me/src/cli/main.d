build-me/src/cli/main.o: src/cli/main.c src/cli/cli.h src/core/geo.h \
 src/util/sbuf.h src/core/store.h src/core/entry.h
src/cli/cli.h:
src/core/geo.h:
src/util/sbuf.h:
src/core/store.h:
src/core/entry.h:
