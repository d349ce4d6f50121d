# case: the built-in %: %.sh rule copies a script and makes it executable
# run: tool
--- tool.sh
echo tool
