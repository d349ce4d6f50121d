# case: an included file is read where the include appears
X = 1
include set.mk
X += 3
all:
	@echo '$(X)'
--- set.mk
X += 2
