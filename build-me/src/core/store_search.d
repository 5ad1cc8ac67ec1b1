build-me/src/core/store_search.o: src/core/store_search.c \
 src/core/store_int.h src/core/store.h src/core/entry.h src/core/geo.h \
 src/util/err.h src/util/sbuf.h src/util/text.h src/util/sbuf.h \
 src/util/xalloc.h
src/core/store_int.h:
src/core/store.h:
src/core/entry.h:
src/core/geo.h:
src/util/err.h:
src/util/sbuf.h:
src/util/text.h:
src/util/sbuf.h:
src/util/xalloc.h:
