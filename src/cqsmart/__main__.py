from cqsmart.cli import main

main()
