build-geo/src/core/gazetteer_data.o: src/core/gazetteer_data.S
