# case: a failed prerequisite stops its dependents
all: dep
	@echo not reached
dep:
	@echo making dep
	@exit 2
