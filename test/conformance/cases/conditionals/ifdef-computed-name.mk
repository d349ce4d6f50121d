# case: the name given to ifdef is expanded
A = x
NAME = A
ifdef $(NAME)
$(info computed A defined)
endif
all: ; @:
