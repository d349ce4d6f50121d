# case: four spaces before a recipe line is a plain missing separator
all:
    @echo hi
