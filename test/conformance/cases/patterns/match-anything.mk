# case: a match-anything rule makes targets with no other rule
all: foo bar.txt
%:
	@echo 'catch-all $@'
