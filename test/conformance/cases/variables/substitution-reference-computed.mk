# case: the variable name and patterns of a substitution reference are expanded
FROM = .c
TO = .o
NAME = SRCS
SRCS = x.c y.c
all:
	@echo '$($(NAME):$(FROM)=$(TO))'
