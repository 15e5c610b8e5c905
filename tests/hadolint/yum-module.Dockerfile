FROM centos:7
RUN yum -y module install tomcat && yum clean all
