build-geo/src/util/sbuf.o: src/util/sbuf.c src/util/sbuf.h \
 src/util/xalloc.h
src/util/sbuf.h:
src/util/xalloc.h:
