# case: a backslash-escaped % in patsubst is literal
$(info [$(patsubst \%%,<%>,%x y)])
$(info [$(patsubst 100\%,done,100% 100)])
all: ; @:
