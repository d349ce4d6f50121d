# case: quoted ifeq arguments keep their blanks
ifeq " a" "a"
$(info wrong)
else
$(info blanks matter in quotes)
endif
all: ; @:
