# case: an exported target value reaches the recipe environment
# run: all other
all: export X = exported
all: dep
	@echo "all [$$X]"
dep:
	@echo "dep [$$X]"
other:
	@echo "other [$$X]"
