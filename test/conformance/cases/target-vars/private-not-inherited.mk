# case: private target values are not inherited by prerequisites
X = global
all: private X = mine
all: dep
	@echo 'all $(X)'
dep:
	@echo 'dep $(X)'
