# case: blanks after a function name and after commas
$(info [$(subst  a, b ,xax)])
$(info [$(if    x ,  yes  ,no)])
all: ; @:
