"""Views: data rendered for people. terminal.py prints with rich (inspect, show, evaluate,
train); report.py writes the HTML report from report.html, report.css and report.js."""
