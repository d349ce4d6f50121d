# case: include with several names
include a.mk b.mk
all:
	@echo '$(A) $(B)'
--- a.mk
A = a
--- b.mk
B = b
