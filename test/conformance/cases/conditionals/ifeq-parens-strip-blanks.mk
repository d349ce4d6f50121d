# case: blanks around parenthesised ifeq arguments
A = x
ifeq ( $(A) , x )
$(info stripped)
endif
ifeq ($(A) ,x)
$(info stripped again)
endif
all: ; @:
