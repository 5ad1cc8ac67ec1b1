build-geo/src/core/geo.o: src/core/geo.c src/core/geo.h src/util/sbuf.h \
 src/util/err.h src/util/text.h src/util/sbuf.h src/util/xalloc.h
src/core/geo.h:
src/util/sbuf.h:
src/util/err.h:
src/util/text.h:
src/util/sbuf.h:
src/util/xalloc.h:
