BEGIN TRANSACTION;
CREATE TABLE api_keys (
	id VARCHAR(32) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	role VARCHAR(20) NOT NULL, 
	key_hash VARCHAR(64) NOT NULL, 
	created_at DATETIME NOT NULL, 
	revoked BOOLEAN NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "api_keys" VALUES('0494fd1b49db','OA系统','writer','762b44d9fc3d33d0d57aa000b24fdf54d4b392873e261df2d97d347fa076cf25','2026-11-29 20:34:54.402455',0);
CREATE TABLE drafts (
	id VARCHAR(32) NOT NULL, 
	title VARCHAR(500) NOT NULL, 
	org VARCHAR(200) NOT NULL, 
	period VARCHAR(100) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	topic VARCHAR(100), 
	status VARCHAR(20) NOT NULL, 
	latest_version INTEGER NOT NULL, 
	check_ok BOOLEAN NOT NULL, 
	request JSON NOT NULL, 
	result JSON, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "drafts" VALUES('414ef8f4b60157a2','华东精密机械有限公司工会2025年度工作总结','华东精密机械有限公司工会','2025年','年度总结',NULL,'approved',2,1,'{"org": "\u534e\u4e1c\u7cbe\u5bc6\u673a\u68b0\u6709\u9650\u516c\u53f8\u5de5\u4f1a", "period": "2025\u5e74", "kind": "\u5e74\u5ea6\u603b\u7ed3", "topic": null, "facts": ["\u6625\u8282\u8d70\u8bbf\u6170\u95ee\u56f0\u96be\u804c\u5de586\u6237\uff0c\u53d1\u653e\u6170\u95ee\u91d112.6\u4e07\u5143"], "problems": [], "plans": [], "length": "normal", "pinned_examples": []}','{"text": "\u6625\u8282\u8d70\u8bbf\u6170\u95ee\u56f0\u96be\u804c\u5de586\u6237\u3002", "sections": [], "check": {"ok": true, "numbers": [{"start": 8, "end": 11, "text": "86\u6237", "value": 86.0, "unit": "\u6237", "status": "supported", "fact_line": 1, "note": null, "item": null, "fact_item": null}], "missing": [], "claims": [], "sentences": [], "faithful": false}, "sources": [], "provider": "template", "elapsed_s": 0.1, "warnings": []}','2026-11-29 20:34:54.367669','2026-11-29 20:34:54.391208');
INSERT INTO "drafts" VALUES('8cceff8f2add84c3','华东精密机械有限公司工会2025年度工作总结','华东精密机械有限公司工会','2025年','年度总结',NULL,'returned',1,1,'{"org": "\u534e\u4e1c\u7cbe\u5bc6\u673a\u68b0\u6709\u9650\u516c\u53f8\u5de5\u4f1a", "period": "2025\u5e74", "kind": "\u5e74\u5ea6\u603b\u7ed3", "topic": null, "facts": ["\u6625\u8282\u8d70\u8bbf\u6170\u95ee\u56f0\u96be\u804c\u5de586\u6237\uff0c\u53d1\u653e\u6170\u95ee\u91d112.6\u4e07\u5143"], "problems": [], "plans": [], "length": "normal", "pinned_examples": []}','{"text": "\u6625\u8282\u8d70\u8bbf\u6170\u95ee\u56f0\u96be\u804c\u5de586\u6237\u3002", "sections": [], "check": {"ok": true, "numbers": [{"start": 8, "end": 11, "text": "86\u6237", "value": 86.0, "unit": "\u6237", "status": "supported", "fact_line": 1, "note": null, "item": null, "fact_item": null}], "missing": [], "claims": [], "sentences": [], "faithful": false}, "sources": [], "provider": "template", "elapsed_s": 0.1, "warnings": []}','2026-11-29 20:34:54.398261','2026-11-29 20:34:54.400668');
CREATE TABLE reviews (
	id INTEGER NOT NULL, 
	draft_id VARCHAR(32) NOT NULL, 
	version INTEGER NOT NULL, 
	decision VARCHAR(10) NOT NULL, 
	comment TEXT NOT NULL, 
	reviewer VARCHAR(200) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(draft_id) REFERENCES drafts (id) ON DELETE CASCADE
);
INSERT INTO "reviews" VALUES(1,'414ef8f4b60157a2',2,'approve','同意','王主席','2026-11-29 20:34:54.391208');
INSERT INTO "reviews" VALUES(2,'8cceff8f2add84c3',1,'return','请补充','王主席','2026-11-29 20:34:54.400668');
CREATE TABLE versions (
	id INTEGER NOT NULL, 
	draft_id VARCHAR(32) NOT NULL, 
	number INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	author VARCHAR(200) NOT NULL, 
	"check" JSON NOT NULL, 
	check_ok BOOLEAN NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_versions_draft_number UNIQUE (draft_id, number), 
	FOREIGN KEY(draft_id) REFERENCES drafts (id) ON DELETE CASCADE
);
INSERT INTO "versions" VALUES(1,'414ef8f4b60157a2',1,'春节走访慰问困难职工86户。','张书记','{"ok": true, "numbers": [{"start": 8, "end": 11, "text": "86\u6237", "value": 86.0, "unit": "\u6237", "status": "supported", "fact_line": 1, "note": null, "item": null, "fact_item": null}], "missing": [], "claims": [], "sentences": [], "faithful": false}',1,'2026-11-29 20:34:54.367669');
INSERT INTO "versions" VALUES(2,'414ef8f4b60157a2',2,'春节走访慰问困难职工86户，发放慰问金12.6万元。','张书记','{"ok": true, "numbers": [{"start": 8, "end": 11, "text": "86\u6237", "value": 86.0, "unit": "\u6237", "status": "supported", "fact_line": 1, "note": null, "item": null, "fact_item": null}], "missing": [], "claims": [], "sentences": [], "faithful": false}',1,'2026-11-29 20:34:54.389356');
INSERT INTO "versions" VALUES(3,'8cceff8f2add84c3',1,'春节走访慰问困难职工86户。','李干事','{"ok": true, "numbers": [{"start": 8, "end": 11, "text": "86\u6237", "value": 86.0, "unit": "\u6237", "status": "supported", "fact_line": 1, "note": null, "item": null, "fact_item": null}], "missing": [], "claims": [], "sentences": [], "faithful": false}',1,'2026-11-29 20:34:54.398261');
CREATE INDEX ix_drafts_created_at ON drafts (created_at);
CREATE INDEX ix_drafts_kind ON drafts (kind);
CREATE INDEX ix_drafts_period ON drafts (period);
CREATE INDEX ix_drafts_org ON drafts (org);
CREATE INDEX ix_drafts_status ON drafts (status);
CREATE UNIQUE INDEX ix_api_keys_key_hash ON api_keys (key_hash);
CREATE INDEX ix_reviews_draft ON reviews (draft_id, id);
COMMIT;
