# case: a line that expands to only semicolons and blanks is ignored (kati semicolon.mk)
SEMI := ;
$(SEMI)
$(SEMI) $(SEMI)
$(foreach v,x y,;)
all: ; @echo ok
