# case: ifdef with two words is invalid
ifdef A B
endif
all: ; @:
