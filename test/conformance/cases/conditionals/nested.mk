# case: nested conditionals
A = 1
B = 2
ifeq ($(A),1)
 ifeq ($(B),2)
  $(info both)
 else
  $(info only A)
 endif
else
 ifeq ($(B),2)
  $(info only B)
 endif
endif
all: ; @:
