build-me/src/core/entry.o: src/core/entry.c src/core/entry.h \
 src/core/geo.h src/util/err.h src/util/sbuf.h src/util/text.h \
 src/util/sbuf.h src/util/xalloc.h
src/core/entry.h:
src/core/geo.h:
src/util/err.h:
src/util/sbuf.h:
src/util/text.h:
src/util/sbuf.h:
src/util/xalloc.h:
