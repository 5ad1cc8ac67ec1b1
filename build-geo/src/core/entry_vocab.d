build-geo/src/core/entry_vocab.o: src/core/entry_vocab.c src/core/entry.h \
 src/core/geo.h src/util/sbuf.h
src/core/entry.h:
src/core/geo.h:
src/util/sbuf.h:
