# case: subst treats blanks in its arguments literally
$(info [$(subst  ,_,a b  c)])
$(info [$(subst a b,X,a b a  b)])
$(info [$(subst o, o ,foo)])
all: ; @:
