# case: a shell loop continued over several lines
all:
	@for i in 1 2 3; do \
	  echo "item $$i"; \
	done
