# case: a conditional must end in the file it starts in
include part.mk
endif
all: ; @:
--- part.mk
ifeq (a,a)
X = 1
