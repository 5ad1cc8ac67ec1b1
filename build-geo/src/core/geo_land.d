build-geo/src/core/geo_land.o: src/core/geo_land.c src/core/geo.h \
 src/util/sbuf.h
src/core/geo.h:
src/util/sbuf.h:
