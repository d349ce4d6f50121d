# case: prerequisites built for a target inherit its values
X = global
all: X = from-all
all: dep
	@echo 'all: $(X)'
dep:
	@echo 'dep: $(X)'
