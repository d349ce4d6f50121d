# case: conditionals are evaluated at read time, without target values
all: X = 1
ifeq ($(X),1)
R = yes
else
R = no
endif
all:
	@echo '$(R)'
