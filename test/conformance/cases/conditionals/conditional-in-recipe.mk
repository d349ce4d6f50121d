# case: conditionals inside a recipe select recipe lines
MODE = fast
all:
	@echo start
ifeq ($(MODE),fast)
	@echo fast
else
	@echo slow
endif
	@echo end
