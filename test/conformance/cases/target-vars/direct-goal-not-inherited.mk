# case: a prerequisite made as its own goal uses the global value
# run: dep all
X = global
all: X = from-all
all: dep
	@echo 'all: $(X)'
dep:
	@echo 'dep: $(X)'
