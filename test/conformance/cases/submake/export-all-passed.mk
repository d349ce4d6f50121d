# case: .EXPORT_ALL_VARIABLES passes every variable to sub-makes
.EXPORT_ALL_VARIABLES:
A = a
B = $(A)b
all:
	@$(MAKE) -s -C sub
--- sub/Makefile
all:
	@echo '[$(A)] [$(B)]'
