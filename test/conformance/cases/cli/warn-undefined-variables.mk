# case: --warn-undefined-variables reports references to undefined variables
# run: --warn-undefined-variables
X := $(NOPE1)
all:
	@echo '[$(NOPE2)] [$(DEFINED)]'
DEFINED =
