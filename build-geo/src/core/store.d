build-geo/src/core/store.o: src/core/store.c src/core/store_int.h \
 src/core/store.h src/core/entry.h src/core/geo.h src/util/sbuf.h \
 src/core/gtok.h src/util/err.h src/util/text.h src/util/sbuf.h \
 src/util/xalloc.h
src/core/store_int.h:
src/core/store.h:
src/core/entry.h:
src/core/geo.h:
src/util/sbuf.h:
src/core/gtok.h:
src/util/err.h:
src/util/text.h:
src/util/sbuf.h:
src/util/xalloc.h:
