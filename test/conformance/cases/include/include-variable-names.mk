# case: include names come from expanded variables
FILES = a.mk b.mk
include $(FILES)
all:
	@echo '$(A)$(B)'
--- a.mk
A = a
--- b.mk
B = b
