from lardesk.launch import main

raise SystemExit(main())
