# case: comments after conditional directives
ifeq (a,a) # a comment
$(info yes)
else # another
$(info no)
endif # and another
all: ; @:
