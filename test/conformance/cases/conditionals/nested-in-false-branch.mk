# case: conditionals inside a skipped branch are skipped too
ifeq (a,b)
 ifeq (c,c)
  $(info wrong)
 else
  $(info wrong too)
 endif
else
 $(info outer else)
endif
all: ; @:
